"""The site: the collection, its pages and index views, redirects and the site plan."""
