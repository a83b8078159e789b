"""Speed work of the adapter: parse cache use, page frames, incremental preview, writer."""
