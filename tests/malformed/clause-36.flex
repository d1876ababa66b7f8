customer get
