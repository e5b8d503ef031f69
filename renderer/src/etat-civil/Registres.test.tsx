import { describe, expect, it } from 'vitest';
import { byLabel, byText, click, fakeBridge, flush, render } from '../testing/render';
import { Registres } from './Registres';

const base = {
  id: 7,
  annee: 2025,
  type: 'mariage',
  ouvert_le: '2025-01-01',
  clos_le: null as string | null,
  relie_le: null as string | null,
  actes: 3,
  dernier_acte: '2025-09-13',
  pages: 0,
};
/** the button of the dialog on top (the last one opened): both dialogs have an « Annuler » */
const topButton = (text: string) =>
  [...document.querySelectorAll<HTMLElement>('button')].filter((b) => b.textContent?.trim() === text).at(-1)!;
const CORE_CONFIRM =
  'Clore le registre des mariages 2025 le 13/09/2025 ? La clôture est définitive : un registre clos ne se rouvre pas (instruction DAF/DPACI/RES/2009/018).';

describe('Registres: closing and binding', () => {
  it('closes on the last act’s date only after saying it is final (rule named) and the core’s own confirmation', async () => {
    let reg = { ...base };
    const { calls } = fakeBridge({
      'etatCivil.registres': () => ({ value: [reg] }),
      'etatCivil.saveRegistre': (a) => {
        const args = a as { registre: typeof reg; confirm?: boolean };
        if (!args.confirm) return { error: { code: 'CONFIRM', message: CORE_CONFIRM } };
        reg = { ...reg, clos_le: args.registre.clos_le };
        return { value: { registreId: 7 } };
      },
    });
    await render(<Registres />);
    expect(() => byLabel('Enregistrer la reliure du registre Mariage 2025')).toThrow(); // not before it is closed
    await click(document.querySelector<HTMLElement>('[aria-label="Clore le registre Mariage 2025"]')!);
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toMatch(
      /définitive.*ne se rouvre pas.*dernier acte, le 13\/09\/2025.*DAF\/DPACI\/RES\/2009\/018.*C\. civ\. art\. 40/,
    );
    expect(byLabel('Date de clôture *').value).toBe('13/09/2025');
    await click(byText('button', 'Clore le registre…'));
    expect(document.body.textContent).toContain(CORE_CONFIRM); // the core's message, shown before anything is written
    expect(reg.clos_le).toBeNull();
    await click(byText('button', 'Confirmer'));
    await flush();
    const saves = calls.filter((c) => c.name === 'etatCivil.saveRegistre');
    expect(saves.map((c) => c.args)).toEqual([
      {
        registreId: 7,
        registre: { annee: 2025, type: 'mariage', ouvert_le: '2025-01-01', clos_le: '2025-09-13', relie_le: null },
      },
      {
        registreId: 7,
        registre: { annee: 2025, type: 'mariage', ouvert_le: '2025-01-01', clos_le: '2025-09-13', relie_le: null },
        confirm: true,
      },
    ]);
    expect(document.body.textContent).toContain('Registre Mariage 2025 clos.');
    expect(document.querySelector('[aria-label="Clore le registre Mariage 2025"]')).toBeNull();
    expect(document.querySelector('[aria-label="Enregistrer la reliure du registre Mariage 2025"]')).not.toBeNull();
  });

  it('cancelling the core’s confirmation writes nothing; a refusal is shown in French', async () => {
    const { calls } = fakeBridge({
      'etatCivil.registres': () => ({ value: [{ ...base, clos_le: '2025-12-31' }] }),
      'etatCivil.saveRegistre': (a) =>
        (a as { confirm?: boolean }).confirm
          ? { error: { code: 'RULE', message: 'Reliure : après la clôture.' } }
          : { error: { code: 'CONFIRM', message: 'Enregistrer la reliure ? C’est définitif.' } },
    });
    await render(<Registres />);
    await click(document.querySelector<HTMLElement>('[aria-label="Enregistrer la reliure du registre Mariage 2025"]')!);
    expect(document.querySelector('[role="dialog"]')!.textContent).toMatch(
      /définitive.*une fois le registre clos \(le 31\/12\/2025\)/,
    );
    await click(byText('button', 'Enregistrer la reliure…'));
    await click(topButton('Annuler')); // the confirmation's, above the form's own
    expect(calls.filter((c) => c.name === 'etatCivil.saveRegistre')).toHaveLength(1);
    await click(byText('button', 'Enregistrer la reliure…'));
    await click(byText('button', 'Confirmer'));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Reliure : après la clôture.');
  });
});
