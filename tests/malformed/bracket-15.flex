let x = [[[[
