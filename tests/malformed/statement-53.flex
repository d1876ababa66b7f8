;;;; let
