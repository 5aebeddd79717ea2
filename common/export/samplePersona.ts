import type { PersonaDoc, PersonaSection } from '../persona/document';
import type { AssetImage } from './pdfImages';

/**
 * A filled-in persona using every kind of section, for export tests, benchmarks and previews. It is a
 * plain value (no randomness) so two runs print the same document.
 */
export function samplePersona(name = 'Maya Chen', id = 'p-sample'): PersonaDoc {
  const sec = (sid: string, type: string, title: string, layout: PersonaSection['layout'], data: Record<string, unknown>): PersonaSection =>
    ({ id: sid, type, title, layout, data });
  const items = (...texts: string[]) => texts.map((text, i) => ({ id: `i${i}`, text }));
  return {
    id, name, role: 'Operations manager', status: 'active', tags: ['b2b', 'priority'], owner: 'Lena', domain: 'Retail banking',
    personaType: 'Primary', accentColor: '#4f46e5', orientation: 'landscape', photoAssetId: 'photo-1',
    rules: [
      { id: 'r1', column: 'age', kind: 'range', min: 30, max: 45, weight: 2, label: 'Age 30–45' },
      { id: 'r2', column: 'location', kind: 'oneOf', values: ['London', 'Leeds'] },
      { id: 'r3', column: 'goals', kind: 'overlap', values: ['save time'] },
    ],
    expectedMetrics: { satisfaction: 80, loyalty: 30 }, datasetIds: [], snapshotsEnabled: true, journeyIds: [],
    createdAt: 1_760_000_000_000, updatedAt: 1_760_000_000_000, updatedBy: 'Lena',
    sections: [
      sec('s-head', 'header', 'Identity', { x: 0, y: 0, w: 8, h: 3 }, { tagline: 'Runs a tight ship and hates waiting on hold.', marketSize: '~18% of business customers' }),
      sec('s-live', 'liveMetrics', 'Live metrics', { x: 8, y: 0, w: 4, h: 3 }, { show: ['satisfaction', 'loyalty', 'trust', 'effort'] }),
      sec('s-quote', 'quote', 'Quote', { x: 0, y: 3, w: 5, h: 3 }, { text: 'Just let me fix it myself at 7 am, before the team arrives.', attribution: 'Interview #12' }),
      sec('s-demo', 'demographics', 'Demographics', { x: 5, y: 3, w: 3, h: 6 }, {
        gender: 'Female', age: '35–44', location: 'Leeds, UK', occupation: 'Operations manager', education: 'MBA', income: '£55–70k', family: 'Two children',
      }),
      sec('s-chan', 'channels', 'Channels', { x: 8, y: 3, w: 4, h: 6 }, {
        channels: [['email', 4], ['sms', 1], ['whatsapp', 3], ['phone', 0], ['web', 4], ['app', 3], ['social', 1], ['inStore', 2]]
          .map(([channel, level], i) => ({ id: `c${i}`, channel, level })),
      }),
      sec('s-goals', 'goals', 'Goals', { x: 0, y: 6, w: 5, h: 3 }, { items: items('Close the month without overtime', 'Approve payments from her phone', 'Save time on supplier onboarding') }),
      sec('s-frus', 'frustrations', 'Frustrations', { x: 0, y: 9, w: 4, h: 4 }, { items: items('Call-centre queues of 20 minutes', 'Paper forms for every change', 'Different answers from different agents') }),
      sec('s-scales', 'scales', 'Behaviour', { x: 4, y: 9, w: 4, h: 4 }, {
        scales: [{ id: 'a', left: 'Price-driven', right: 'Quality-driven', value: 70 }, { id: 'b', left: 'Cautious', right: 'Adventurous', value: 30 }, { id: 'c', left: 'Self-service', right: 'Assisted', value: 20 }],
      }),
      sec('s-pie', 'pieChart', 'Device use', { x: 8, y: 9, w: 4, h: 4 }, {
        unit: '%', points: [{ id: 'a', label: 'Mobile', value: 55 }, { id: 'b', label: 'Desktop', value: 35 }, { id: 'c', label: 'Tablet', value: 10 }],
      }),
      sec('s-bio', 'bio', 'Bio', { x: 0, y: 13, w: 4, h: 3 }, { text: 'Maya has run operations for a chain of twelve pharmacies for six years. She trusts numbers over promises and switches bank when service slips twice.' }),
      sec('s-pers', 'personality', 'Personality', { x: 4, y: 13, w: 4, h: 3 }, {
        items: [{ id: 'a', label: 'Organised', level: 90 }, { id: 'b', label: 'Impatient', level: 65 }, { id: 'c', label: 'Loyal', level: 40 }],
      }),
      sec('s-bar', 'barChart', 'Hours per week', { x: 8, y: 13, w: 4, h: 3 }, {
        unit: ' h', points: [{ id: 'a', label: 'Banking', value: 3 }, { id: 'b', label: 'Payroll', value: 6 }, { id: 'c', label: 'Suppliers', value: 8 }],
      }),
    ],
  };
}

/** A 32×32 PNG photo for the sample persona's `photoAssetId`. */
export const samplePhoto: AssetImage = {
  mimeType: 'image/png', width: 32, height: 32,
  data: 'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAHk0lEQVR42g3NscpxAQAA0P9xvslkkoHlLgxSSgaWuzBIKRlY7sIgpWRguQuDlJKB5S4MJ6VkYDF5kt95gfPvLyuVlc7KZOWygqxiVjmrmlXPCrNaWZ2sXtYgK8oaZ02z5lnLrDhrk7XLOmSdspKsa9Yt65H1yvpkfbP+/eWl8tJ5mbxcXpBXzCvnVfPqeWFeK6+T18sb5EV547xp3jxvmRfnbfJ2eYe8U16Sd8275T3yXnmfvG/+FwRSgXQgE8gFgkAxUA5UA/VAGGgFOoFeYBCIAuPANDAPLANxYBPYBQ6BUyAJXAO3wCPwCnwC3+AXFKQK0gWZglxBUFAsKBdUC+oFYUGroFPQKxgURAXjgmnBvGBZEBdsCnYFh4JTQVJwLbgVPApeBZ+Cb+EXlKRK0iWZklxJUFIsKZdUS+olYUmrpFPSKxmURCXjkmnJvGRZEpdsSnYlh5JTSVJyLbmVPEpeJZ+Sb+kXVKQq0hWZilxFUFGsKFdUK+oVYUWrolPRqxhURBXjimnFvGJZEVdsKnYVh4pTRVJxrbhVPCpeFZ+Kb+UX1KRq0jWZmlxNUFOsKddUa+o1YU2rplPTqxnURDXjmmnNvGZZE9dsanY1h5pTTVJzrbnVPGpeNZ+ab+0XNKQa0g2ZhlxD0FBsKDdUG+oNYUOrodPQaxg0RA3jhmnDvGHZEDdsGnYNh4ZTQ9Jwbbg1PBpeDZ+Gb+MXhFKhdCgTyoWCUDFUDlVD9VAYaoU6oV5oEIpC49A0NA8tQ3FoE9qFDqFTKAldQ7fQI/QKfULf8Bc0pZrSTZmmXFPQVGwqN1Wb6k1hU6up09RrGjRFTeOmadO8adkUN22adk2HplNT0nRtujU9ml5Nn6Zv8xe0pdrSbZm2XFvQVmwrt1Xb6m1hW6ut09ZrG7RFbeO2adu8bdkWt23adm2HtlNb0nZtu7U92l5tn7Zv+xd0pbrSXZmuXFfQVewqd1W76l1hV6ur09XrGnRFXeOuade8a9kVd226dl2HrlNX0nXtunU9ul5dn65v9xf0pfrSfZm+XF/QV+wr91X76n1hX6uv09frG/RFfeO+ad+8b9kX9236dn2HvlNf0nftu/U9+l59n75v/xcMpYbSQ5mh3FAwVBwqD1WH6kPhUGuoM9QbGgxFQ+Oh6dB8aDkUD22GdkOHodNQMnQdug09hl5Dn6Hv8BdEUpF0JBPJRYJIMVKOVCP1SBhpRTqRXmQQiSLjyDQyjywjcWQT2UUOkVMkiVwjt8gj8op8It/oF4ykRtIjmZHcSDBSHCmPVEfqI+FIa6Qz0hsZjEQj45HpyHxkORKPbEZ2I4eR00gych25jTxGXiOfke/oF0ykJtITmYncRDBRnChPVCfqE+FEa6Iz0ZsYTEQT44npxHxiORFPbCZ2E4eJ00QycZ24TTwmXhOfie/kF8ykZtIzmZncTDBTnCnPVGfqM+FMa6Yz05sZzEQz45npzHxmORPPbGZ2M4eZ00wyc525zTxmXjOfme/sFyykFtILmYXcQrBQXCgvVBfqC+FCa6Gz0FsYLEQL44XpwnxhuRAvbBZ2C4eF00KycF24LTwWXgufhe/iF6ykVtIrmZXcSrBSXCmvVFfqK+FKa6Wz0lsZrEQr45XpynxluRKvbFZ2K4eV00qycl25rTxWXiufle/qF8RSsXQsE8vFglgxVo5VY/VYGGvFOrFebBCLYuPYNDaPLWNxbBPbxQ6xUyyJXWO32CP2in1i3/gXrKXW0muZtdxasFZcK69V1+pr4VprrbPWWxusRWvjtenafG25Fq9t1nZrh7XTWrJ2XbutPdZea5+17/oXbKW20luZrdxWsFXcKm9Vt+pb4VZrq7PV2xpsRVvjrenWfGu5FW9ttnZbh63TVrJ13bptPbZeW5+t7/YX7KX20nuZvdxesFfcK+9V9+p74V5rr7PX2xvsRXvjvenefG+5F+9t9nZ7h73TXrJ33bvtPfZee5+97/4XHKWO0keZo9xRcFQ8Kh9Vj+pH4VHrqHPUOxocRUfjo+nR/Gh5FB9tjnZHh6PTUXJ0PbodPY5eR5+j7/EXnKXO0meZs9xZcFY8K59Vz+pn4VnrrHPWOxucRWfjs+nZ/Gx5Fp9tznZnh7PTWXJ2PbudPc5eZ5+z7/kXJFKJdCKTyCWCRDFRTlQT9USYaCU6iV5ikIgS48Q0MU8sE3Fik9glDolTIklcE7fEI/FKfBLf5BdcpC7SF5mL3EVwUbwoX1Qv6hfhReuic9G7GFxEF+OL6cX8YnkRX2wudheHi9NFcnG9uF08Ll4Xn4vv5ReQIk2GHAFFylSpE9KiQ48BEWOmzFkSs2HHgRMJV248ePHh6xfcpe7Sd5m73F1wV7wr31Xv6nfhXeuuc9e7G9xFd+O76d38bnkX323udneHu9Ndcne9u9097l53n7vv/Rc8pZ7ST5mn3FPwVHwqP1Wf6k/hU+up89R7GjxFT+On6dP8afkUP22edk+Hp9NT8nR9uj09nl5Pn6fv8xe8pd7Sb5m33FvwVnwrv1Xf6m/hW+ut89Z7G7xFb+O36dv8bfkWv23edm+Ht9Nb8nZ9u7093l5vn7fv238Se1pqj3nCAgAAAABJRU5ErkJggg==',
};
