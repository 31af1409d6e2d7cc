"""`python -m linkchart`: the same as the `linkchart` command."""

from linkchart.cli import main

if __name__ == "__main__":
    main()
