"""The rule catalogue: reading and validating rule files (loader), and the stored, pre-parsed
copy of the default catalogue that a cold start reads instead of its YAML (snapshot)."""
