if __name__ == "__main__":  # the guard lets worker processes import this file without starting the app
    from timeline_app.cli import main
    raise SystemExit(main())
