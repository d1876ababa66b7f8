wait until
