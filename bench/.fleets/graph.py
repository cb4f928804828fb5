import re,os,sys
root='/work/main'
start=sys.argv[1]; target=sys.argv[2]
imp=re.compile(r'^(?:import|export)\s+(?!type\b)(?:[^;]*?\sfrom\s+)?["\']([^"\']+)["\']',re.M)
from collections import deque
prev={start:None}; q=deque([start])
while q:
  f=q.popleft()
  try: src=open(f).read()
  except: continue
  for m in imp.finditer(src):
    spec=m.group(1)
    if spec.startswith('.'):
      n=os.path.normpath(os.path.join(os.path.dirname(f),spec))
    else:
      n='pkg:'+spec
    if n not in prev:
      prev[n]=f
      if n.startswith('pkg:'):
        continue
      q.append(n)
for k in prev:
  if k.startswith('pkg:'+target):
    chain=[k]
    while prev[chain[-1]]: chain.append(prev[chain[-1]])
    print(' <- '.join(c.replace(root+'/','') for c in chain))
print(sorted(k for k in prev if k.startswith('pkg:')))
