loc_id,city??,WY,USA,year??,lat??,lon??,2088,-7,8760
Southern WY - test extract
Temperature,Pressure,Direction,Temperature,Pressure,Direction
C,atm,degrees,C,atm,degrees
50,50,50,80,80,80
-4.479,0.756533925,253,-4.719,0.753473476,254
