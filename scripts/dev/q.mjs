import D from 'better-sqlite3';
const d = new D('/tmp/bench-data/fazhi.db');
const time = (label, sql) => { const st = d.prepare(sql); st.all(); let t=performance.now(); for (let i=0;i<300;i++) st.all(); console.log(label, ((performance.now()-t)/300).toFixed(3), 'ms'); };
time('count users only', 'select count(*) from users u');
time('count disabled=0', 'select count(*) from users u where disabled = 0');
time('ids offset 4000', 'select u.username from users u order by u.username limit 20 offset 4000');
time('page via subquery', 'select u.*, o.name from users u join org_units o on o.id=u.unit_id where u.username in (select username from users order by username limit 20 offset 4000) order by u.username');
time('page offset 100', 'select u.*, o.name from users u join org_units o on o.id=u.unit_id order by u.username limit 20 offset 100');
