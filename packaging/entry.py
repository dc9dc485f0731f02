"""Entry script of the frozen app (build.spec): the same ``overblick`` command as the install."""

from ui.launcher import main

if __name__ == "__main__":
    main()
