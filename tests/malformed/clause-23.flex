decline next charges with
