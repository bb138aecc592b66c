import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { useAuth } from './auth-context';

/**
 * The gate in front of every page but sign-in: no session → sign-in page (and back here after);
 * a one-time password → nothing but the password change until it is done.
 */
export function RequireAuth({ children, passwordChange }: { children: ReactNode; passwordChange: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  if (me === null) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (me.user.mustChangePassword) return passwordChange;
  return children;
}
