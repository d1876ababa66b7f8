1 in
