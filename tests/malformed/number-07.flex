let x = $.5
