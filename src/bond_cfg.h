/* Bond and portfolio files (libconfig): one or more bonds, each with the
 * projects it finances (a site file, the total project cost and the amount
 * of the bond allocated to it), read, validated and given their attributed
 * shares. Every key is documented in docs/portfolio.md. Site paths are
 * relative to the bond file's folder; the sites themselves are read later,
 * by the caller. */
#ifndef RENEWCALC_BOND_CFG_H
#define RENEWCALC_BOND_CFG_H

#include "portfolio.h"

struct diag;

#define BOND_NAME_MAX 160
#define BOND_PATH_MAX 1024

/* One bond's financing of one project. Amounts in the bond's currency. */
struct bond_project {
  char name[BOND_NAME_MAX];   /* as given; "" means the site's name */
  char site[BOND_PATH_MAX];   /* resolved against the bond file's folder */
  char site_given[BOND_PATH_MAX]; /* as written in the bond file */
  int site_index;             /* into bond_book.sites: the same file, the same project */
  int line;                   /* of the project's entry in the bond file */
  double total_cost;          /* total project cost, > 0 */
  double financed;            /* allocated by this bond, 0 < financed <= total_cost */
  double signed_amount;       /* committed; >= financed (default: financed) */
  int has_pcaf;               /* outstanding, equity and debt given */
  double outstanding, equity, debt;
  double amount;              /* the money the share stands for: financed (ICMA)
                                 or outstanding (PCAF) */
  double share;               /* attributed share, 0..1, by the book's method */
};

struct bond {
  char name[BOND_NAME_MAX];
  char currency[8];           /* ISO 4217 code, e.g. "USD" */
  double amount;              /* issued [currency], > 0 */
  int line;
  int n_projects;
  struct bond_project *projects; /* n_projects, owned */
};

/* A distinct site file financed by one bond or more: two paths that name
 * the same file (same device and inode) are the same project. */
struct bond_site {
  char path[BOND_PATH_MAX];   /* as first resolved */
  unsigned long long dev, ino;
};

struct bond_book {
  char path[BOND_PATH_MAX];   /* the bond file as given */
  char name[BOND_NAME_MAX];   /* "" when the file gives none */
  enum portfolio_method method;
  int n_bonds;
  struct bond *bonds;         /* n_bonds, owned */
  int n_sites;
  struct bond_site *sites;    /* n_sites, owned */
};

/* Reads and validates the file at path, with shares by method. Reports
 * every problem found in d ("FILE:LINE: KEY: expected ..., got ...") and
 * returns NULL when there is one, else a new book (free with
 * bond_book_free()). Checks, besides each key: financed <= total_cost
 * and signed >= financed; a bond's financed amounts add up to no more
 * than its amount; a project appears once per bond; bonds financing the
 * same site agree on its total cost (and on equity and debt); and the
 * shares of one project held by all the bonds add up to no more than
 * 100 % (the message names the bonds and the project). */
struct bond_book *bond_cfg_read(const char *path, enum portfolio_method method, struct diag *d);

/* Frees book; NULL does nothing. */
void bond_book_free(struct bond_book *book);

#endif
