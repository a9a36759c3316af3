import { describe, expect, it } from 'vitest';
import { shorten } from '../../renderer/ui/use-selection-menu';

describe('the words the selection menu quotes', () => {
  it('drops the space a word selected with Ctrl+Shift+→ brings, and shortens long selections to their ends', () => {
    expect(shorten(' parties au')).toBe('parties au');
    expect(shorten('victims and survivors ')).toBe('victims and survivors');
    expect(shorten(' Encourage les États parties au Protocole relatif à la traite ')).toBe('Encourage les État…elatif à la traite');
  });
});
