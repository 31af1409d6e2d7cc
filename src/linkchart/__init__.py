"""linkchart: news reporting into a sourced link chart."""

__version__ = "0.1.0"
