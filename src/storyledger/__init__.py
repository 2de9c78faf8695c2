"""storyledger: a sourced, dated ledger of a developing news story."""

__version__ = "0.1.0"
