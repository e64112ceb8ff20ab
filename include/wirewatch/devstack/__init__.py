"""Only for running Wirewatch locally: the `make run` / `make demo` supervisor, the simulated wire, the
mail sink and the headless Chromium driver."""
