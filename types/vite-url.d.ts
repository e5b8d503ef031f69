// Vite's `?url` imports (the pdf.js worker is bundled as a file of our own origin).
declare module '*?url' {
  const url: string;
  export default url;
}
