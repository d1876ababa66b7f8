let x = {: 1}
