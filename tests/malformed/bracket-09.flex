let x = [
