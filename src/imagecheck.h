/* Whether a rendered chart was written to its end: gnuplot can exit 0
 * after a full disk or a failed write and leave an empty or cut image, so
 * every image is checked before it is committed to an output set. */
#ifndef RENEWCALC_IMAGECHECK_H
#define RENEWCALC_IMAGECHECK_H

#include <stddef.h>

/* Checks the file at path as a complete image of format fmt ("png", "svg"
 * or "pdf"). It guarantees exactly this, nothing about the picture inside:
 * - path names a regular file (a symbolic link, even to one, a folder, a
 *   device or a FIFO is refused; the file is opened with O_NOFOLLOW and
 *   examined through that descriptor, never by name again) of at least
 *   one byte;
 * - png: the 8-byte PNG signature, an IHDR chunk first (length 13), and
 *   a complete IEND chunk as the last 12 bytes: length 0, type IEND, CRC
 *   AE 42 60 82 (ISO/IEC 15948:2004, 5.2 signature, 5.3 chunk layout,
 *   11.2.2 IHDR, 11.2.5 IEND; RFC 2083);
 * - svg: "<?xml" or "<svg" first, after white space if any (within the
 *   first 64 bytes), and "</svg>" last but for white space (within the
 *   last 4 KiB);
 * - pdf: "%PDF-" first and "%%EOF" within the last 1024 bytes (ISO
 *   32000-1:2008, 7.5.2 and 7.5.5).
 * It decodes nothing and verifies no checksum: a file cut short or never
 * finished fails, a complete file with damaged content may pass.
 * Returns 0 when the file passes; -1 otherwise, with a short reason
 * ("ends before its IEND chunk", "not a regular file", ...) in why
 * (why_n bytes, NUL-terminated; why may be NULL when why_n is 0). Reads
 * only; prints nothing. */
int image_check(const char *path, const char *fmt, char *why, size_t why_n);

#endif
