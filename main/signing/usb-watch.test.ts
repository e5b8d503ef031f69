import { looksLikeToken, startUsbWatch } from './usb-watch';

describe('USB watch', () => {
  it('degrades to the manual button when there is no USB bus (this machine, CI)', async () => {
    const w = await startUsbWatch(() => undefined);
    if (!w.active) expect(w.reason).toMatch(/Rechercher la clé/);
    w.stop();
  });
  it('adds no listener when the probe fails, and triggers a debounced rescan otherwise', async () => {
    const added: string[] = [];
    const failing = await startUsbWatch(
      () => undefined,
      async () => ({
        usb: {
          getDevices: () => Promise.reject(new Error('/sys/bus/usb/devices/ not found')),
          addEventListener: (t) => added.push(t),
          removeEventListener: () => undefined,
        },
      }),
    );
    expect(failing.active).toBe(false);
    expect(added).toEqual([]);
    let cb: ((ev: { device: object }) => void) | null = null;
    const seen: string[] = [];
    const w = await startUsbWatch(
      (what) => seen.push(what),
      async () => ({
        usb: {
          getDevices: async () => [],
          addEventListener: (t, l) => t === 'connect' && (cb = l),
          removeEventListener: () => undefined,
        },
      }),
    );
    expect(w.active).toBe(true);
    cb!({ device: { vendorId: 0x046d } }); // a mouse
    cb!({ device: { vendorId: 0x0529 } }); // SafeNet eToken
    await new Promise((r) => setTimeout(r, 600));
    expect(seen).toEqual(['connect']);
    w.stop();
    expect(
      looksLikeToken({ deviceClass: 0, configuration: { interfaces: [{ alternate: { interfaceClass: 0x0b } }] } }),
    ).toBe(true);
  });
});
