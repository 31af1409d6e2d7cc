"""`python -m linkchart.server.bench`: kept where the docs name it; the measuring lives
with the rest of it in `linkchart.evaluate.http_timing`."""

from linkchart.evaluate.http_timing import main, measure

__all__ = ["main", "measure"]

if __name__ == "__main__":
    main()
