// The qrcode package's encoder on its own: importing 'qrcode' would also bundle its canvas and
// SVG renderers, which the ticket page does not use (it draws its own one-path SVG). Typed here
// rather than re-exported from @types/qrcode, whose typings pull all of @types/node into the app.
declare module 'qrcode/lib/core/qrcode' {
  export interface QrSymbol {
    version: number;
    modules: { size: number; get(row: number, col: number): number | boolean };
  }
  export function create(
    // A string lets the encoder choose the modes; segments fix them.
    text: string | { data: string; mode: 'numeric' | 'alphanumeric' | 'byte' }[],
    options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' },
  ): QrSymbol;
}
