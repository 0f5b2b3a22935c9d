import { describe, expect, it } from 'vitest';
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import { paragraphsOf } from './official.ts';

describe('the .docx body', () => {
  it('turns narrative into paragraphs, numbering list items and keeping bold text', async () => {
    const paragraphs = paragraphsOf('<p>第一段<strong>加粗</strong></p><ol><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul><h3>小标题</h3>');
    expect(paragraphs).toHaveLength(5);
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:p\b[^>]*>/g, '\n').replace(/<[^>]+>/g, '');
    expect(text.trim().split('\n')).toEqual(['第一段加粗', '1. 甲', '2. 乙', '· 丙', '小标题']);
    expect(xml).toMatch(/<w:b\/>[^]*?加粗/);
  });
});
