customer create emial "a@b.co"
