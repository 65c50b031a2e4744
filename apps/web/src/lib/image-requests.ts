// What the image optimiser accepts: image-requests.mjs (plain JavaScript, imported by next.config.mjs).
export { deviceSizes, imageSizes, imageRequestProblem, mediaFilePath, qualities } from './image-requests.mjs'
