sim restore
