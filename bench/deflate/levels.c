/* Compresses every file of a folder with zlib or libdeflate at a level, REPEAT times over, and prints the bytes in
 * and out: the streams the PDF amendment rewrites, inflated out of a PDF (README, "Speed beside the C floor", round
 * speed16). zlib as the amendment used it (one deflater, reset for each stream, each stream in one call), libdeflate
 * as it uses it now (one compressor, one call a stream, with the zlib wrapper /FlateDecode wants).
 *   gcc -O2 -o /tmp/levels bench/deflate/levels.c -lz -ldeflate
 *   /tmp/levels zlib|libdeflate LEVEL FOLDER REPEAT */
#include <dirent.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { MAX_FILES = 1024, OUT_SIZE = 1 << 24 };

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: %s zlib|libdeflate LEVEL FOLDER REPEAT\n", argv[0]); return 2; }
    int useZlib = strcmp(argv[1], "zlib") == 0, level = atoi(argv[2]), repeat = atoi(argv[4]);
    struct dirent **names;
    int count = scandir(argv[3], &names, NULL, alphasort), files = 0;
    if (count < 0) { perror(argv[3]); return 1; }
    static unsigned char *data[MAX_FILES];
    static size_t sizes[MAX_FILES];
    for (int i = 0; i < count && files < MAX_FILES; i++) {
        if (names[i]->d_name[0] == '.') continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[3], names[i]->d_name);
        FILE *file = fopen(path, "rb");
        if (!file) { perror(path); return 1; }
        fseek(file, 0, SEEK_END);
        sizes[files] = (size_t)ftell(file);
        rewind(file);
        data[files] = malloc(sizes[files] ? sizes[files] : 1);
        if (fread(data[files], 1, sizes[files], file) != sizes[files]) { perror(path); return 1; }
        fclose(file);
        files++;
    }
    unsigned char *out = malloc(OUT_SIZE);
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    int ready = 0;
    struct libdeflate_compressor *compressor = useZlib ? NULL : libdeflate_alloc_compressor(level);
    if (!out || (!useZlib && !compressor)) { fprintf(stderr, "no memory\n"); return 1; }
    size_t in = 0, written = 0;
    for (int round = 0; round < repeat; round++) {
        in = written = 0;
        for (int i = 0; i < files; i++) {
            in += sizes[i];
            if (useZlib) {
                if (ready) deflateReset(&stream);
                else if (deflateInit(&stream, level) == Z_OK) ready = 1;
                else { fprintf(stderr, "zlib could not start\n"); return 1; }
                stream.next_in = data[i];
                stream.avail_in = (uInt)sizes[i];
                stream.next_out = out;
                stream.avail_out = OUT_SIZE;
                if (deflate(&stream, Z_FINISH) != Z_STREAM_END) { fprintf(stderr, "zlib failed\n"); return 1; }
                written += OUT_SIZE - stream.avail_out;
            } else {
                size_t size = libdeflate_zlib_compress(compressor, data[i], sizes[i], out, OUT_SIZE);
                if (!size) { fprintf(stderr, "libdeflate failed\n"); return 1; }
                written += size;
            }
        }
    }
    printf("%s %d: %d files, %zu bytes in, %zu out\n", argv[1], level, files, in, written);
    return 0;
}
