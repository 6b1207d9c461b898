loc_id,city??,WY,USA,year??,lat??,lon??,2088,-7,8760
Southern WY - test extract
Temperature,Pressure,Direction,Speed,Temperature,Pressure,Direction,Speed
C,atm,degrees,m/s,C,atm,degrees,m/s
50,50,50,50,80,80,80,80
-4.479,0.756533925,253,9.897,-4.719,0.753473476,254,10.665
-4.279,0.759496669,261,9.659,-4.519,0.756435233,262,10.378
-4.079,0.759990131,361,8.062,-4.319,0.756928695,282,8.766
