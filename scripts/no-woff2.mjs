// fontkit reads WOFF2 fonts through `brotli`, whose decoder and dictionary are 1.4 MB of code and about 6 MiB
// resident once loaded (issue 10, the séance de signature's memory). Clocher embeds only the TrueType fonts of
// resources/fonts, never a WOFF2 one, so the bundles get this stub instead: a WOFF2 font would be refused with
// a clear error rather than decoded.
export const NO_WOFF2_MESSAGE =
  'Police WOFF2 non prise en charge : Clocher intègre les polices TrueType de resources/fonts.';

/** esbuild plugin: `brotli/decompress` (fontkit's only use of brotli) resolves to a stub that throws. */
export const noWoff2Plugin = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (a) => ({ path: a.path, namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: `module.exports = function decompress() { throw new Error(${JSON.stringify(NO_WOFF2_MESSAGE)}); };\n`,
      loader: 'js',
    }));
  },
};
