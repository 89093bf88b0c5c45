"""Build tools for the omnichannel course: model, checks, generated pages, pipeline."""
