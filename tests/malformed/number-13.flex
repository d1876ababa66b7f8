let x = 007a
