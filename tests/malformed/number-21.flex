let x = - - -
