"""Reference implementations that tests compare the package's code with."""
