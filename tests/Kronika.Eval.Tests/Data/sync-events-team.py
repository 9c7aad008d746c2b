#!/usr/bin/env python3
"""Writes tests/Kronika.Eval.Tests/Data/events-team.jsonl from the event case table (event-cases.tsv), the table being
the source: rows keep their ids, triggers and modes; a new row or a changed type takes its trigger and mode from
`kronika analyze` (build src/Kronika.Cli first). Without --write it only reports what it would do.
Usage: tests/Kronika.Eval.Tests/Data/sync-events-team.py [--write]"""
import json,sys,subprocess,os,glob,tempfile
REPO=os.path.abspath(os.path.join(os.path.dirname(__file__),'..','..','..'))
TSV=REPO+'/tests/Kronika.Lithuanian.Tests/Events/Data/event-cases.tsv'
JSN=REPO+'/tests/Kronika.Eval.Tests/Data/events-team.jsonl'
DCT='2025-08-13'
SYM={'AGREE','CONSULT','COOPERATE'}
rows=[]
for l in open(TSV):
    l=l.rstrip('\n')
    if not l or l.startswith('#'): continue
    p=l.split('\t'); rows.append((p[0],p[1]))
def parse(exp):
    if exp.strip()=='-': return []
    out=[]
    for part in exp.split(' | '):
        toks=part.split(); typ=toks[0]; mod=toks[-1]; d=toks[-2]; mid=' '.join(toks[1:-2])
        date={'<'+DCT:'PAST_REF','>'+DCT:'FUTURE_REF','no-date':None}.get(d,d)
        if d.startswith('<') and d!='<'+DCT: date=d[1:]  # bounded by another date: keep value
        if d.startswith('>') and d!='>'+DCT: date=d[1:]
        if '→' in mid:
            a,t=mid.split('→'); a=[x.strip() for x in a.split(' + ') if x.strip()]; t=[x.strip() for x in t.split(' + ') if x.strip()]
        else:
            a=[x.strip() for x in mid.split(' + ') if x.strip()]; t=[]
        out.append(dict(type=typ,actors=a,targets=t,date=date,modality=mod))
    return out
js=[json.loads(l) for l in open(JSN)]
jt={j['text']:j for j in js}
need=[t for t,e in rows if parse(e) and (t not in jt or [x['type'] for x in jt[t]['events']]!=[x['type'] for x in parse(e)])]
tmp=tempfile.mkdtemp()
for i,t in enumerate(need): open(f'{tmp}/{i:03d}.txt','w').write(f' date {DCT} {t}\n')
sysev={}
if need:
    r=subprocess.run(['dotnet',REPO+'/src/Kronika.Cli/bin/Debug/net10.0/kronika.dll','analyze','-f','json']+sorted(glob.glob(f'{tmp}/*.txt')),capture_output=True,text=True)
    docs=[json.loads(l) for l in r.stdout.splitlines() if l.strip()]
    for d in docs: sysev[d['text'].strip()]=d['events']
out=[]; n=len(js); missing=0
for t,e in rows:
    gold=parse(e)
    old=jt.get(t)
    evs=[]
    for k,g in enumerate(gold):
        trig=mode=src=None
        if old and k<len(old['events']) and old['events'][k]['type']==g['type']:
            o=old['events'][k]; trig,mode,src=o['trigger'],o['mode'],o['source']
        else:
            cands=[x for x in sysev.get(t.strip(),[]) if x['type']==g['type']]
            if cands: trig=cands[0]['trigger']['text']; mode=cands[0]['mode']
            else: missing+=1; print('NO TRIGGER',g['type'],'|',t,file=sys.stderr)
        evs.append(dict(type=g['type'],mode=mode,trigger=trig,actors=g['actors'],targets=g['targets'],date=g['date'],modality=g['modality'],source=src))
    if old: rid=old['id']
    else: n+=1; rid=f't{n:03d}'
    out.append(dict(id=rid,dct=DCT,text=t,events=evs))
print('missing triggers',missing,file=sys.stderr)
if '--write' in sys.argv:
    with open(JSN,'w') as f:
        for o in out: f.write(json.dumps(o,ensure_ascii=False)+'\n')
