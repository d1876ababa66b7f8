let x = $abc
