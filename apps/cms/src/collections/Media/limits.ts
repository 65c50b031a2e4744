/** Largest upload staff may send, in bytes; the config's upload limit matches it. */
export const maxUploadBytes = 10 * 1024 * 1024

/**
 * Largest image, in pixels, the CMS will decode (40 megapixels: a 7,700 × 5,200 photo). Decoding
 * costs about 4 bytes a pixel whatever the file's size, so a small PNG of 100 megapixels would cost
 * hundreds of megabytes to resize; it is refused from its header instead.
 */
export const maxImagePixels = 40_000_000
