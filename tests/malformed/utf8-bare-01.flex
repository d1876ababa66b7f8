let x = 1 þ
