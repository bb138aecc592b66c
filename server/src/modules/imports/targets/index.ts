/** Every import target registers itself here; a module adding one (products, orders) adds a line. */
import './accounts.target.ts';
import './contacts.target.ts';
