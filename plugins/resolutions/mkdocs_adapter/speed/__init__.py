"""Speed work of the adapter: parse cache use, page frames, incremental preview, file events, preview files.

Each piece takes what it works on as arguments; none reads the plugin object."""
