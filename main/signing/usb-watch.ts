/**
 * USB plug/unplug as a mere trigger to rescan the PKCS#11 slots (signing.md §6). Guarded: without a USB bus
 * (containers, CI) usb v3's listener setup rejects unhandled and kills the process, so getDevices() is probed
 * first and any failure degrades to the manual « Rechercher la clé » button.
 */
export interface UsbWatch {
  /** false: no hotplug here; the window shows « Rechercher la clé » */
  readonly active: boolean;
  readonly reason: string | null;
  stop(): void;
}

// Smart-card class (CCID) and known token VIDs (signing.md §6): SafeNet/Aladdin, Gemalto/Thales, Feitian.
const TOKEN_VIDS = new Set([0x0529, 0x08e6, 0x096e]);
const SMART_CARD_CLASS = 0x0b;

interface DeviceLike {
  vendorId?: number;
  deviceClass?: number;
  configuration?: { interfaces?: { alternate?: { interfaceClass?: number } }[] } | null;
}

/** Might this device be a token? Only a hint: the token is identified by PKCS#11 afterwards. */
export function looksLikeToken(d: DeviceLike): boolean {
  if (d.vendorId !== undefined && TOKEN_VIDS.has(d.vendorId)) return true;
  if (d.deviceClass === SMART_CARD_CLASS) return true;
  return (d.configuration?.interfaces ?? []).some((i) => i.alternate?.interfaceClass === SMART_CARD_CLASS);
}

type UsbModule = {
  usb: {
    getDevices(): Promise<DeviceLike[]>;
    addEventListener(t: 'connect' | 'disconnect', l: (ev: { device: DeviceLike }) => void): void;
    removeEventListener(t: 'connect' | 'disconnect', l: (ev: { device: DeviceLike }) => void): void;
  };
};

/** Start watching; `onChange` is called (debounced) when something that may be a token comes or goes. */
export async function startUsbWatch(
  onChange: (what: 'connect' | 'disconnect') => void,
  load: () => Promise<UsbModule> = async () => (await import('usb')) as unknown as UsbModule,
): Promise<UsbWatch> {
  let mod: UsbModule;
  try {
    mod = await load();
    await mod.usb.getDevices(); // rejects without /sys/bus/usb: then never add listeners
  } catch (e) {
    return {
      active: false,
      reason: `Détection automatique de la clé indisponible (${String((e as Error)?.message ?? e).slice(0, 120)}) : utilisez « Rechercher la clé ».`,
      stop: () => undefined,
    };
  }
  let timer: NodeJS.Timeout | null = null;
  const handler = (what: 'connect' | 'disconnect') => (ev: { device: DeviceLike }) => {
    if (!looksLikeToken(ev.device) && what === 'connect') return; // a mouse; disconnects always rescan (cheap)
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => onChange(what), 500); // middlewares need a moment after the plug
    timer.unref?.();
  };
  const onConnect = handler('connect');
  const onDisconnect = handler('disconnect');
  try {
    mod.usb.addEventListener('connect', onConnect);
    mod.usb.addEventListener('disconnect', onDisconnect);
  } catch (e) {
    return {
      active: false,
      reason: `Détection automatique de la clé indisponible : ${String((e as Error)?.message ?? e).slice(0, 120)}`,
      stop: () => undefined,
    };
  }
  return {
    active: true,
    reason: null,
    stop: () => {
      if (timer) clearTimeout(timer);
      try {
        mod.usb.removeEventListener('connect', onConnect);
        mod.usb.removeEventListener('disconnect', onDisconnect);
      } catch {
        /* already gone */
      }
    },
  };
}
