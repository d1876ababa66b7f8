let s = "aí €"
