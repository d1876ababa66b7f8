price create
