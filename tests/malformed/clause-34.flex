api GET
