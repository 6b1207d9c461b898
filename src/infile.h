/* STUB (replaced by the inputs branch) */
#ifndef RENEWCALC_INFILE_H
#define RENEWCALC_INFILE_H
#include <sys/types.h>
int infile_was_read(dev_t dev, ino_t ino);
#endif
